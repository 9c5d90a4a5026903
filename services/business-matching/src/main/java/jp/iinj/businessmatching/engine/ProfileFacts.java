package jp.iinj.businessmatching.engine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * The structured side of a profile, as the index stores it beside the terms: enough to weigh the structured factors
 * for a candidate without going back to the store. Stored as one line of {@code |}-separated columns.
 */
record ProfileFacts(
        ProfileType type,
        OrganisationType ownerType,
        TargetTypology ownerTypology,
        String ownerBureau,
        Set<String> technologyFields,
        Set<String> jsicCodes,
        DevelopmentStage stage,
        IpStatus ipStatus,
        Set<PartnershipType> partnershipTypes,
        Set<OrganisationType> partnerTypesSought,
        Set<String> targetRegions) {

    static ProfileFacts of(MatchableProfile profile) {
        return new ProfileFacts(profile.type(), profile.ownerType(), profile.ownerTypology(), profile.ownerBureau(),
                profile.technologyFields(), profile.jsicCodes(), profile.stage(), profile.ipStatus(),
                profile.partnershipTypes(), profile.partnerTypesSought(), profile.targetRegions());
    }

    String encoded() {
        return String.join("|", name(type), name(ownerType), name(ownerTypology), text(ownerBureau),
                String.join(",", technologyFields), String.join(",", jsicCodes), name(stage), name(ipStatus),
                names(partnershipTypes), names(partnerTypesSought), String.join(",", targetRegions));
    }

    static ProfileFacts decoded(String line) {
        String[] c = line.split("\\|", -1);
        return new ProfileFacts(ProfileType.valueOf(c[0]), value(OrganisationType.class, c[1]),
                value(TargetTypology.class, c[2]), c[3].isEmpty() ? null : c[3], strings(c[4]), strings(c[5]),
                value(DevelopmentStage.class, c[6]), value(IpStatus.class, c[7]),
                values(PartnershipType.class, c[8]), values(OrganisationType.class, c[9]), strings(c[10]));
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<String> strings(String column) {
        return column.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(column.split(",")));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String column) {
        return column.isEmpty() ? null : Enum.valueOf(type, column);
    }

    private static <E extends Enum<E>> Set<E> values(Class<E> type, String column) {
        Set<E> set = EnumSet.noneOf(type);
        for (String name : strings(column)) {
            set.add(Enum.valueOf(type, name));
        }
        return set;
    }
}
