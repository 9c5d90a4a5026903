package jp.iinj.contracts.matching;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of partnering profile, as in the Enterprise Europe Network's database. */
public enum ProfileType {
    TECHNOLOGY_OFFER,
    TECHNOLOGY_REQUEST,
    BUSINESS_OFFER,
    BUSINESS_REQUEST,
    RD_PARTNER_REQUEST;

    public boolean isOffer() {
        return this == TECHNOLOGY_OFFER || this == BUSINESS_OFFER;
    }

    /**
     * The types a profile of this type is matched against: offers against requests, in both directions. A technology
     * offer also answers an R&amp;D partner request (a partner who brings the technology).
     */
    public Set<ProfileType> counterparts() {
        return switch (this) {
            case TECHNOLOGY_OFFER -> EnumSet.of(TECHNOLOGY_REQUEST, RD_PARTNER_REQUEST);
            case BUSINESS_OFFER -> EnumSet.of(BUSINESS_REQUEST);
            case TECHNOLOGY_REQUEST, RD_PARTNER_REQUEST -> EnumSet.of(TECHNOLOGY_OFFER);
            case BUSINESS_REQUEST -> EnumSet.of(BUSINESS_OFFER);
        };
    }
}
