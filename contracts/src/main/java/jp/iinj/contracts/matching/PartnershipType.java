package jp.iinj.contracts.matching;

/** The kinds of partnership a profile seeks. */
public enum PartnershipType {
    LICENSING,
    COMMERCIAL_WITH_TECHNICAL_ASSISTANCE,
    JOINT_RESEARCH_AND_DEVELOPMENT,
    MANUFACTURING_SUPPLY_OUTSOURCING,
    INVESTMENT,
    DISTRIBUTION
}
