package jp.iinj.businessmatching.searchindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.iinj.businessmatching.engine.ProfileSearch;
import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.businessmatching.support.TestProfiles;
import jp.iinj.contracts.membership.OrganisationType;

/** The index follows the store: a published profile refreshed from the store stays indexed. */
@BusinessMatchingIntegrationTest
class SearchIndexIT {

    @Autowired
    TestMembers members;
    @Autowired
    TestProfiles profiles;
    @Autowired
    SearchIndex index;

    @Test
    void aRefreshedPublishedProfileStaysInTheIndexAndCatchingUpChangesNothingItHolds() {
        String owner = members.active("Index Co", OrganisationType.SME, "21", "chubu");
        String profile = profiles.published(owner, "TECHNOLOGY_OFFER", TestProfiles.offer(
                Map.of("ja", "索引試験の切削加工"), Map.of("ja", "索引に残ることを確かめます"), "machinery",
                List.of("LICENSING")));

        index.refresh(profile).block();
        assertThat(indexed(profile)).isTrue();
        index.refresh(profile).block();
        assertThat(indexed(profile)).isTrue();
        // a catch-up over everything changed in the last hour leaves it where it is
        index.catchUp(java.time.Instant.now().minusSeconds(3600)).block();
        assertThat(indexed(profile)).isTrue();
    }

    private boolean indexed(String profileId) {
        return index.engine().search(new ProfileSearch("索引試験", java.util.Set.of(), java.util.Set.of(), null, null,
                null, null, null, 50), owner -> true).hits().stream().anyMatch(hit -> hit.profileId().equals(profileId));
    }
}
