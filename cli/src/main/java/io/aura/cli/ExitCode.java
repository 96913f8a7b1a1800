package io.aura.cli;

/** The command line's exit codes (API.md "Command line"; ADR 0041): what a script branches on. */
public final class ExitCode {
    public static final int OK = 0;
    /** The server refused the request (409, 429), or {@code audit verify} found a break. */
    public static final int REFUSED = 1;
    /** Bad input: 400, 404 (no such thing), 422, or arguments the command line could not read. */
    public static final int BAD_INPUT = 2;
    /** Not signed in, a token expired, a wrong password, a disabled user or a missing role (401, 403). */
    public static final int AUTHENTICATION = 3;
    /** The server could not be reached or failed (5xx, 501). */
    public static final int UNAVAILABLE = 4;

    private ExitCode() {}

    /** The exit code for an HTTP status the server answered with. */
    public static int forStatus(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        if (status == 401 || status == 403) {
            return AUTHENTICATION;
        }
        if (status == 409 || status == 429) {
            return REFUSED;
        }
        if (status >= 400 && status < 500) {
            return BAD_INPUT;
        }
        return UNAVAILABLE;
    }
}
