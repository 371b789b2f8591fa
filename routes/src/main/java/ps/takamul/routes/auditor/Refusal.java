package ps.takamul.routes.auditor;

import ps.takamul.core.protocol.ErrorCode;

/** Why an auditor's request is not answered: an {@link ErrorCode} of the bus, with its status. */
final class Refusal extends RuntimeException {
    final int status;
    final String code;
    final String title;

    private Refusal(int status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    static Refusal of(ErrorCode error, String detail) {
        return new Refusal(error.httpStatus(), error.code(), error.title(), detail, null);
    }

    static Refusal of(ErrorCode error, String detail, Throwable cause) {
        return new Refusal(error.httpStatus(), error.code(), error.title(), detail, cause);
    }

    static Refusal badRequest(String detail) {
        return of(ErrorCode.INVALID_REQUEST, detail);
    }

    static Refusal notFound(String detail) {
        return of(ErrorCode.NOT_FOUND, detail);
    }

    String typeUri() {
        return "https://takamul.ps/errors/" + code;
    }
}
