package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretScannerTest {

    @ParameterizedTest
    @CsvSource({
            "location, AKIAQ3EGRVQ5XKZ7TN2P, aws-access-key",
            "note, temporary ASIAQ3EGRVQ5XKZ7TN2P for the job, aws-access-key",
            "key, -----BEGIN RSA PRIVATE KEY-----, private-key",
            "key, -----BEGIN OPENSSH PRIVATE KEY-----, private-key",
            "resource, Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXh5eg, jwt",
            "x, ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5, github-token",
            "x, github_pat_11ABCDEFG0123456789_abcdefghijklmnop, github-token",
            "x, xoxb-123456789012-abcdefghijkl, slack-token",
            "password, hunter2, password-field",
            "client_secret, s3cr3t, password-field",
            "credentials.clientSecret, s3cr3t, password-field",
    })
    void recognisesSecrets(String field, String value, String kind) {
        assertThat(SecretScanner.detect(field, value)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource({
            "location, secret/payments/invoice-bot",
            "location, arn:aws:iam::123456789012:role/invoice-bot",
            "id, spiffe://corp.example/payments/invoice-bot",
            "type, token",
            "note, AKIA is the prefix of AWS access keys",
            "password, ''",
    })
    void leavesOrdinaryValuesAlone(String field, String value) {
        assertThat(SecretScanner.detect(field, value)).isEmpty();
    }

    @Test
    void alreadyRedactedValuesAreNotReportedAgain() {
        assertThat(SecretScanner.detect("password", SecretScanner.redacted("password-field"))).isEmpty();
    }
}
