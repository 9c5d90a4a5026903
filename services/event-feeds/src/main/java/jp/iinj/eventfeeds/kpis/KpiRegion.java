package jp.iinj.eventfeeds.kpis;

/**
 * Where an event counts: its {@code bureau}, {@code prefecture} and {@code cluster} extension attributes, as feeds
 * and their scopes see them. A missing one stays null ("not attributed"): coordination's case events carry only the
 * bureau that owns the case.
 */
public record KpiRegion(String bureau, String prefecture, String cluster) {
}
