package jp.iinj.businessmatching.profiles;

import java.time.LocalDate;
import java.util.List;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * What a partnering profile says, as stored after {@link ProfileInput} was checked.
 *
 * @param advantages       offers only
 * @param specification    requests only: what is sought
 * @param targetRegions    bureau ids, {@code nationwide} or {@code international}
 * @param fundingProgramme R&amp;D partner requests only, with its {@code fundingDeadline}
 */
public record ProfileContent(
        LocalizedText title,
        LocalizedText summary,
        LocalizedText description,
        LocalizedText advantages,
        LocalizedText specification,
        List<String> keywords,
        List<String> technologyFields,
        List<JsicCode> jsicCodes,
        DevelopmentStage stage,
        IpStatus ipStatus,
        List<PartnershipType> partnershipTypes,
        List<OrganisationType> partnerTypesSought,
        List<String> targetRegions,
        String fundingProgramme,
        LocalDate fundingDeadline) {
}
