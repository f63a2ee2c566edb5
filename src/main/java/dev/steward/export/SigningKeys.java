package dev.steward.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs bundle manifests, read from PEM files (PKCS#8 private key, X.509 public key) or
 * generated into a folder on first use, the private key readable by its owner only. Pure JDK: the verifier needs
 * nothing else.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_FILE = "export-signing-key.pem";
    public static final String PUBLIC_FILE = "export-signing-key.pub.pem";

    private SigningKeys() {
    }

    /** Reads the pair at the given paths, or generates and writes it there when neither file exists. */
    public static KeyPair loadOrCreate(Path privateKey, Path publicKey) throws IOException, GeneralSecurityException {
        boolean hasPrivate = Files.exists(privateKey);
        boolean hasPublic = Files.exists(publicKey);
        if (hasPrivate && hasPublic) {
            return new KeyPair(readPublic(publicKey), readPrivate(privateKey));
        }
        if (hasPrivate || hasPublic) {
            throw new IllegalStateException("export signing key pair is incomplete: " + (hasPrivate ? publicKey : privateKey)
                    + " is missing; restore it or remove both files to generate a new pair");
        }
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.createDirectories(privateKey.toAbsolutePath().getParent());
        Files.createDirectories(publicKey.toAbsolutePath().getParent());
        Files.createFile(privateKey);
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            privateKey.toFile().setReadable(false, false);
            privateKey.toFile().setReadable(true, true);
        }
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicKey, publicPem(pair.getPublic()));
        return pair;
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
    }

    public static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    /** SHA-256 of the encoded public key: what an auditor compares out of band. */
    public static String fingerprint(PublicKey key) {
        return Hashes.sha256(key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PEM file holding a " + type);
        }
        String body = text.substring(begin + ("-----BEGIN " + type + "-----").length(), end);
        return Base64.getMimeDecoder().decode(body);
    }
}
