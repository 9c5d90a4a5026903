package jp.iinj.contracts.membership;

/** The kinds of member organisation in an industry-government-academia network. */
public enum OrganisationType {
    SME,
    START_UP,
    LARGE_ENTERPRISE,
    UNIVERSITY,
    PUBLIC_RESEARCH_INSTITUTE,
    SUPPORT_ORGANISATION,
    LOCAL_GOVERNMENT,
    FINANCIAL_INSTITUTION,
    OTHER
}
