package jp.iinj.coordination.assignment;

import java.util.List;

/** What the assignment rules decided for a case: a coordinator, or the bureau's queue. */
public sealed interface AssignmentDecision {

    AssignmentReason reason();

    /**
     * @param coordinatorId the chosen coordinator's roster id
     * @param code          the rule that set them apart
     * @param runnersUp     the other eligible coordinators, best first: the next in line if this one declines
     */
    record Assigned(String coordinatorId, AssignmentReasonCode code, AssignmentReason reason,
                    List<String> runnersUp) implements AssignmentDecision {

        public Assigned {
            runnersUp = List.copyOf(runnersUp);
        }
    }

    /**
     * Nobody is eligible: the case waits in the queue of its parties' bureaus, where a regional body assigns it by
     * hand.
     *
     * @param queueBureaus the parties' bureaus, first party first
     */
    record Unassigned(List<String> queueBureaus, AssignmentReason reason) implements AssignmentDecision {

        public Unassigned {
            queueBureaus = List.copyOf(queueBureaus);
        }
    }
}
