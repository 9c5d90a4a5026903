package jp.iinj.memberregistry.commands;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * What an action does to an organisation: the next version, and the events that version publishes. It says nothing
 * about who may take the action: a change no caller asks for (the lapse job's) has nobody to authorise, and one a
 * caller asks for is an {@link OrganisationCommand}. {@link OrganisationChanges} runs both.
 */
public interface OrganisationChange {

    /**
     * @return the next version (through {@code Organisation.with…}, so {@code revision + 1})
     * @throws jp.iinj.httpapi.core.problems.ConflictException (409) when the organisation's state does not allow it
     */
    Organisation apply(Organisation current, Instant now);

    /**
     * @param correlationId of the request that asked for the change; {@code null} for a scheduled job
     * @return written with the change in the same single-document write
     */
    List<OutboxEntry> events(Organisation changed, MemberEvents events, String correlationId);
}
