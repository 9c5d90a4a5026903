package jp.iinj.businessmatching.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * The evidence that is not words, weighed between an offer and a request, at most {@link #MAX} points in all:
 * shared technology fields and JSIC codes, whether each side is in the other's target regions, whether the offer's
 * stage and IP suit the partnership sought (licensing needs IP), and whether the two organisations complement each
 * other as the cluster policy's typology has it (a university seed for an SME's need; a Type 2 hidden champion for a
 * large firm's request).
 */
final class StructuredFactors {

    /** How much the structured evidence counts beside the words: the factors below are scaled by it. */
    static final double WEIGHT = 0.5;
    static final double MAX = 40 * WEIGHT;
    static final double FIELDS = 12;
    static final double JSIC = 5;
    static final double REGION = 7;
    static final double STAGE_AND_IP = 8;
    static final double ORGANISATIONS = 8;

    private static final Set<DevelopmentStage> MARKET_READY =
            EnumSet.of(DevelopmentStage.ON_THE_MARKET, DevelopmentStage.AVAILABLE_FOR_DEMONSTRATION);
    private static final Set<DevelopmentStage> EARLY =
            EnumSet.of(DevelopmentStage.CONCEPT, DevelopmentStage.UNDER_DEVELOPMENT, DevelopmentStage.LAB_TESTED);
    private static final Set<PartnershipType> NEEDS_A_PRODUCT = EnumSet.of(
            PartnershipType.MANUFACTURING_SUPPLY_OUTSOURCING, PartnershipType.DISTRIBUTION,
            PartnershipType.COMMERCIAL_WITH_TECHNICAL_ASSISTANCE);
    private static final Set<OrganisationType> RESEARCH =
            EnumSet.of(OrganisationType.UNIVERSITY, OrganisationType.PUBLIC_RESEARCH_INSTITUTE);
    private static final Set<OrganisationType> SMALL = EnumSet.of(OrganisationType.SME, OrganisationType.START_UP);

    private StructuredFactors() {
    }

    /** The structured contributions between two profiles (which is the offer does not matter to the caller). */
    static List<Contribution> between(ProfileFacts one, ProfileFacts other) {
        ProfileFacts offer = one.type().isOffer() ? one : other;
        ProfileFacts request = offer == one ? other : one;
        List<Contribution> lines = new ArrayList<>();
        fields(offer, request, lines);
        jsic(offer, request, lines);
        capped(lines, region(offer, request), REGION);
        capped(lines, stageAndIp(offer, request), STAGE_AND_IP);
        capped(lines, organisations(offer, request), ORGANISATIONS);
        return lines.stream().map(line -> new Contribution(line.kind(), line.label(), line.points() * WEIGHT)).toList();
    }

    private static void fields(ProfileFacts offer, ProfileFacts request, List<Contribution> lines) {
        double left = FIELDS;
        for (String field : new TreeSet<>(offer.technologyFields())) {
            if (request.technologyFields().contains(field) && left > 0) {
                double points = left == FIELDS ? 8 : left;
                lines.add(new Contribution(Contribution.Kind.TECHNOLOGY_FIELD, "technology field " + field
                        + " on both sides", points));
                left -= points;
            }
        }
    }

    private static void jsic(ProfileFacts offer, ProfileFacts request, List<Contribution> lines) {
        String group = null;
        String division = null;
        for (String a : offer.jsicCodes()) {
            for (String b : request.jsicCodes()) {
                if (a.length() >= 2 && b.length() >= 2 && Character.isDigit(a.charAt(0))
                        && a.substring(0, 2).equals(b.substring(0, 2))) {
                    group = a.substring(0, 2);
                } else if (division(a) != null && division(a).equals(division(b))) {
                    division = division(a);
                }
            }
        }
        if (group != null) {
            lines.add(new Contribution(Contribution.Kind.JSIC, "same industry (JSIC group " + group + ")", JSIC));
        } else if (division != null) {
            lines.add(new Contribution(Contribution.Kind.JSIC, "same industry division (JSIC " + division + ")", 3));
        }
    }

    private static List<Contribution> region(ProfileFacts offer, ProfileFacts request) {
        List<Contribution> lines = new ArrayList<>();
        if (reaches(request.targetRegions(), offer.ownerBureau())) {
            lines.add(new Contribution(Contribution.Kind.REGION, "the offer's bureau (" + offer.ownerBureau()
                    + ") is in the request's target regions", 4));
        }
        if (reaches(offer.targetRegions(), request.ownerBureau())) {
            lines.add(new Contribution(Contribution.Kind.REGION, "the request's bureau (" + request.ownerBureau()
                    + ") is in the offer's target regions", 3));
        }
        return lines;
    }

    private static List<Contribution> stageAndIp(ProfileFacts offer, ProfileFacts request) {
        List<Contribution> lines = new ArrayList<>();
        Set<PartnershipType> shared = EnumSet.noneOf(PartnershipType.class);
        shared.addAll(offer.partnershipTypes());
        shared.retainAll(request.partnershipTypes());
        for (PartnershipType type : shared) {
            lines.add(new Contribution(Contribution.Kind.STAGE_AND_IP, "both seek " + words(type), 3));
        }
        boolean licensing = request.partnershipTypes().contains(PartnershipType.LICENSING)
                || offer.partnershipTypes().contains(PartnershipType.LICENSING);
        if (licensing && offer.ipStatus() != null && offer.ipStatus().licensable()) {
            lines.add(new Contribution(Contribution.Kind.STAGE_AND_IP, "licensing is sought and the offer has IP to "
                    + "license (" + offer.ipStatus().name().toLowerCase().replace('_', ' ') + ")", 3));
        }
        if (offer.stage() != null && MARKET_READY.contains(offer.stage())
                && request.partnershipTypes().stream().anyMatch(NEEDS_A_PRODUCT::contains)) {
            lines.add(new Contribution(Contribution.Kind.STAGE_AND_IP, "the offer is ready for the market, as a "
                    + "supply or distribution request needs", 2));
        }
        if (offer.stage() != null && EARLY.contains(offer.stage())
                && request.partnershipTypes().contains(PartnershipType.JOINT_RESEARCH_AND_DEVELOPMENT)) {
            lines.add(new Contribution(Contribution.Kind.STAGE_AND_IP, "the offer is still in development, as joint "
                    + "R&D needs", 2));
        }
        return lines;
    }

    private static List<Contribution> organisations(ProfileFacts offer, ProfileFacts request) {
        List<Contribution> lines = new ArrayList<>();
        if (offer.ownerType() != null && request.partnerTypesSought().contains(offer.ownerType())) {
            lines.add(new Contribution(Contribution.Kind.ORGANISATION_TYPES, "the request seeks a partner of the "
                    + "offer's kind (" + offer.ownerType() + ")", 4));
        }
        if (request.ownerType() != null && offer.partnerTypesSought().contains(request.ownerType())) {
            lines.add(new Contribution(Contribution.Kind.ORGANISATION_TYPES, "the offer seeks a partner of the "
                    + "request's kind (" + request.ownerType() + ")", 2));
        }
        if (RESEARCH.contains(offer.ownerType()) && SMALL.contains(request.ownerType())) {
            lines.add(new Contribution(Contribution.Kind.ORGANISATION_TYPES, "a research seed for a small firm's "
                    + "need", 3));
        }
        if (request.ownerType() == OrganisationType.LARGE_ENTERPRISE
                && offer.ownerTypology() == TargetTypology.TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION) {
            lines.add(new Contribution(Contribution.Kind.ORGANISATION_TYPES, "a hidden champion for a large firm's "
                    + "request", 3));
        } else if (request.ownerType() == OrganisationType.LARGE_ENTERPRISE
                && (offer.ownerType() == OrganisationType.START_UP
                || offer.ownerTypology() == TargetTypology.TYPE_1_NEW_INDUSTRY_START_UP)) {
            lines.add(new Contribution(Contribution.Kind.ORGANISATION_TYPES, "a start-up's technology for a large "
                    + "firm's request", 2));
        }
        return lines;
    }

    private static boolean reaches(Set<String> targets, String bureau) {
        return targets.contains("nationwide") || bureau != null && targets.contains(bureau);
    }

    /** Lines of one factor, scaled down together if they add up to more than the factor may give. */
    private static void capped(List<Contribution> lines, List<Contribution> factor, double cap) {
        double sum = factor.stream().mapToDouble(Contribution::points).sum();
        double scale = sum > cap ? cap / sum : 1;
        factor.forEach(line -> lines.add(new Contribution(line.kind(), line.label(), line.points() * scale)));
    }

    private static String words(PartnershipType type) {
        return switch (type) {
            case LICENSING -> "licensing";
            case COMMERCIAL_WITH_TECHNICAL_ASSISTANCE -> "a commercial agreement with technical assistance";
            case JOINT_RESEARCH_AND_DEVELOPMENT -> "joint R&D";
            case MANUFACTURING_SUPPLY_OUTSOURCING -> "manufacturing, supply or outsourcing";
            case INVESTMENT -> "investment";
            case DISTRIBUTION -> "distribution";
        };
    }

    /** The JSIC revision 14 division of a letter or a 2–4 digit group. */
    static String division(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (Character.isLetter(code.charAt(0))) {
            return code.substring(0, 1);
        }
        if (code.length() < 2) {
            return null;
        }
        int major = Integer.parseInt(code.substring(0, 2));
        int[] firstOfDivision = {1, 3, 5, 6, 9, 33, 37, 42, 50, 62, 68, 71, 75, 78, 81, 83, 86, 88, 97, 99};
        for (int i = firstOfDivision.length - 1; i >= 0; i--) {
            if (major >= firstOfDivision[i]) {
                return String.valueOf((char) ('A' + i));
            }
        }
        return null;
    }
}
