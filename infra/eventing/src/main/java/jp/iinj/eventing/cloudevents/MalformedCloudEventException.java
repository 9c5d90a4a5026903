package jp.iinj.eventing.cloudevents;

/** A record that is not a readable platform CloudEvent. Retrying cannot help. */
public class MalformedCloudEventException extends RuntimeException {

    public MalformedCloudEventException(String message) {
        super(message);
    }

    public MalformedCloudEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
