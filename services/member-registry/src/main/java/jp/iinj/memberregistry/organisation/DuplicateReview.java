package jp.iinj.memberregistry.organisation;

import java.time.Instant;
import java.util.List;

/**
 * An organisation without a corporate number whose normalised name and prefecture match existing members: a regional
 * body or an administrator decides whether it is the same organisation before it is approved.
 *
 * @param candidateIds the members it may duplicate
 * @param clearedAt    when an approver decided it is not a duplicate; {@code null} while open
 */
public record DuplicateReview(List<String> candidateIds, Instant flaggedAt, Instant clearedAt) {

    public boolean open() {
        return clearedAt == null;
    }

    public DuplicateReview cleared(Instant now) {
        return new DuplicateReview(candidateIds, flaggedAt, now);
    }
}
