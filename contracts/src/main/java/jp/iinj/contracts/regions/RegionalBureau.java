package jp.iinj.contracts.regions;

import java.util.Arrays;
import java.util.Optional;

/**
 * The METI regional bureaus (経済産業局). Okinawa is served by the Cabinet Office's Okinawa General Bureau, which
 * plays the same role for the platform.
 */
public enum RegionalBureau {
    HOKKAIDO("hokkaido"),
    TOHOKU("tohoku"),
    KANTO("kanto"),
    CHUBU("chubu"),
    KINKI("kinki"),
    CHUGOKU("chugoku"),
    SHIKOKU("shikoku"),
    KYUSHU("kyushu"),
    OKINAWA("okinawa");

    private final String id;

    RegionalBureau(String id) {
        this.id = id;
    }

    /** The id used in payloads and in the {@code bureau} CloudEvents extension. */
    public String id() {
        return id;
    }

    public static Optional<RegionalBureau> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }
}
