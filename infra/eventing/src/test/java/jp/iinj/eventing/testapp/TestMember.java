package jp.iinj.eventing.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A minimal aggregate whose document carries an outbox. */
@Document("test_members")
public record TestMember(@Id String id, String name, String nickname, long revision) {
}
