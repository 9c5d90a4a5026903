package jp.iinj.localplatform;

/** Something the person starting the platform must fix; its message is all they see. */
final class StartupFailure extends RuntimeException {

    StartupFailure(String message) {
        super(message);
    }

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
