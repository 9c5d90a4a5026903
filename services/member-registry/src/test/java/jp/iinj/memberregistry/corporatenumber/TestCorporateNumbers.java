package jp.iinj.memberregistry.corporatenumber;

import java.util.concurrent.ThreadLocalRandom;

/** Valid corporate numbers that no other test uses, so tests never collide on the uniqueness rule. */
public final class TestCorporateNumbers {

    private TestCorporateNumbers() {
    }

    public static String random() {
        String base = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return CorporateNumber.checkDigit(base) + base;
    }
}
