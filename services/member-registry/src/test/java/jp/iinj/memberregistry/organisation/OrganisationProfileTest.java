package jp.iinj.memberregistry.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.PublicMemberProfile;
import jp.iinj.contracts.membership.TargetTypology;

class OrganisationProfileTest {

    @Test
    void thePublicProfileCopiesEachFieldByNameAndNothingPersonal() throws ReflectiveOperationException {
        // every text different, so that two swapped fields of one type would show
        OrganisationProfile profile = new OrganisationProfile("legal", "kana", "english", OrganisationType.UNIVERSITY,
                "15", "kanto", "address", "https://example.jp", EmployeeBand.EMPLOYEES_5_TO_19,
                CapitalBand.OVER_1B_YEN, List.of(new JsicCode("14", "E")), List.of("ict"), List.of("keyword"),
                List.of("cluster"), TargetTypology.TYPE_1_NEW_INDUSTRY_START_UP,
                List.of(new ContactPerson("name", "department", "a@example.jp", "0000000")));

        PublicMemberProfile shown = profile.publicProfile();

        for (RecordComponent field : PublicMemberProfile.class.getRecordComponents()) {
            Object original = OrganisationProfile.class.getMethod(field.getName()).invoke(profile);
            assertThat(field.getAccessor().invoke(shown)).as(field.getName()).isNotNull().isEqualTo(original);
        }
        assertThat(PublicMemberProfile.class.getRecordComponents()).extracting(RecordComponent::getName)
                .doesNotContain("address", "contacts");
    }
}
