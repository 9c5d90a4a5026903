package jp.iinj.identity.passwordreset;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jp.iinj.identity.accounts.Emails;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The request path of "forgot my password" cannot read the accounts, so its answer cannot depend on them: nothing it
 * reaches, directly or through other classes of the service, belongs to the accounts (bar the pure e-mail
 * normalisation) or to the work done later.
 */
class PasswordResetRequestPathTest {

    private static final JavaClasses IDENTITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.iinj.identity");

    @Test
    void theRequestPathNeverReachesTheAccounts() {
        noClasses().that().belongToAnyOf(PasswordResetRequestController.class, ResetRequests.class)
                .should().transitivelyDependOnClassesThat(resideInAPackage("jp.iinj.identity.accounts..")
                        .and(not(equivalentTo(Emails.class))))
                .check(IDENTITY);
    }

    @Test
    void theRequestPathNeverReachesTheWorkDoneLater() {
        noClasses().that().belongToAnyOf(PasswordResetRequestController.class, ResetRequests.class)
                .should().transitivelyDependOnClassesThat().belongToAnyOf(PasswordResets.class, ResetRequestWorker.class)
                .orShould().transitivelyDependOnClassesThat().resideInAnyPackage("jp.iinj.identity.mail..",
                        "jp.iinj.identity.onetimetokens..")
                .check(IDENTITY);
    }
}
