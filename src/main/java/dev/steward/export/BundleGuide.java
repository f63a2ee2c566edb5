package dev.steward.export;

/**
 * VERIFY.txt, written into every bundle before it is sealed (so the manifest lists it and its hash): how an auditor
 * verifies the bundle, with {@code steward verify} or with standard tools only (OpenSSL 3, coreutils, jq), so that
 * trusting the evidence does not require trusting the software that produced it. The tools' steps check what
 * {@link BundleVerifier} checks except the hash chain of the audit entries; a test runs them on sealed bundles.
 */
final class BundleGuide {

    static final String FILE = "VERIFY.txt";

    /** Marks the start of the shell lines a test runs; every indented line after it is a command or a comment. */
    static final String TOOLS = "With standard tools only";

    private BundleGuide() {
    }

    /** The guide of the bundle of {@code period}, whose chain link names the bundle of {@code previousPeriod}. */
    static String text(String period, String previousPeriod) {
        String manifest = Manifest.FILE;
        String sig = Manifest.SIGNATURE;
        String key = Manifest.PUBLIC_KEY;
        return """
                How to verify this evidence bundle (Steward, period %1$s)

                manifest.json lists every file of this folder with its SHA-256 and size, the inputs of the assessment and
                the SHA-256 of the previous month's manifest. manifest.sig is an Ed25519 signature of manifest.json
                (base64). public-key.pem is a copy of the signing key: a copy proves integrity, not origin, so compare
                the key's fingerprint with the one the organisation gave you out of band (or use the key it gave you).

                With Steward, which checks everything below (the chain when ../%2$s sits beside this folder) and
                also the hash chain of audit-log.json:

                    steward verify . --public-key <the key you trust>.pem

                %3$s (OpenSSL 3, coreutils, jq), in this folder. Every step prints what it
                says; a command that fails means the bundle does not verify.

                    # 1. the key's fingerprint, the SHA-256 of its DER form: compare it with the one you were given
                    openssl pkey -pubin -in %6$s -outform DER | sha256sum
                    # 2. the signature of manifest.json under that key: prints "Signature Verified Successfully"
                    openssl base64 -d -A -in %5$s -out "${TMPDIR:-/tmp}/steward-%1$s.sig"
                    openssl pkeyutl -verify -pubin -inkey %6$s -rawin -in %4$s -sigfile "${TMPDIR:-/tmp}/steward-%1$s.sig"
                    # 3. every listed file against its SHA-256: one "OK" per file
                    jq -r '.files[] | "\\(.sha256)  \\(.path)"' %4$s | sha256sum -c
                    # 4. no file the manifest does not list: prints nothing
                    jq -r '.files[].path' %4$s | LC_ALL=C sort > "${TMPDIR:-/tmp}/steward-%1$s.listed"
                    find . -type f ! -path ./%4$s ! -path ./%5$s ! -path ./%6$s | sed 's|^\\./||' | LC_ALL=C sort | diff "${TMPDIR:-/tmp}/steward-%1$s.listed" -
                    # 5. the chain: the SHA-256 this manifest names for the previous month's (null for the first bundle),
                    #    and that manifest's own, from its bundle beside this one: the two must be equal
                    jq -r .previousManifestSha256 %4$s
                    sha256sum ../%2$s/%4$s
                """.formatted(period, previousPeriod, TOOLS, manifest, sig, key);
    }
}
