package jp.iinj.businessmatching.searchindex;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.businessmatching.engine.MatchingEngine;
import jp.iinj.businessmatching.engine.MatchingSettings;
import jp.iinj.businessmatching.settings.PartneringSettings;
import jp.iinj.contracts.matching.TechnicalGlossary;

/** The matching engine of this instance, over the current technical glossary, with the network's cut-offs. */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfiguration {

    @Bean(destroyMethod = "close")
    MatchingEngine matchingEngine(PartneringSettings settings) {
        MatchingSettings engineSettings = MatchingSettings.defaults()
                .withMaxProposals(settings.proposals().perProfile())
                .withThreshold(settings.proposals().threshold());
        String directory = settings.searchIndex().directory();
        return directory.isBlank()
                ? MatchingEngine.inMemory(TechnicalGlossary.current(), engineSettings)
                : MatchingEngine.inDirectory(Path.of(directory), TechnicalGlossary.current(), engineSettings);
    }
}
