package jp.iinj.contracts.feeds;

/** Why event feeds stopped delivering to a webhook subscription. */
public enum SubscriptionDisabledReason {
    /** The subscriber answered 410 Gone: the endpoint says it is gone for good, so retrying would be pointless. */
    GONE,
    /** Every retry of a delivery failed, to the end of the retry schedule. */
    FAILING
}
