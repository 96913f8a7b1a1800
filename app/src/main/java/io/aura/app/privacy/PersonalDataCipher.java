package io.aura.app.privacy;

import io.aura.kernel.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals one piece of personal data with its person's key (ADR 0046): {@code aura-pd:v1:<key id>:<base64 of nonce,
 * ciphertext and tag>}, the key id bound in as associated data. What is sealed is the value's JSON text, so a text
 * and a list of names are sealed alike. Once the person is erased the key is gone: the value cannot be opened by
 * anyone, on any copy. Sealing is deterministic (see {@link Aead#sealDeterministic}): serializing an event twice
 * gives the bytes its audit hash was computed over.
 */
public final class PersonalDataCipher {
    static final String PREFIX = "aura-pd:v1:";

    private final PersonalKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    public PersonalDataCipher(PersonalKeys keys) {
        this.keys = keys;
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** {@code valueJson} sealed with {@code subject}'s key; empty when the subject is erased (nothing to keep). */
    public Optional<String> seal(String subject, String valueJson) {
        return keys.keyFor(subject).map(key -> PREFIX + key.keyId() + ":" + Base64.getEncoder().encodeToString(
                Aead.sealDeterministic(key.key(), valueJson.getBytes(StandardCharsets.UTF_8), associated(key.keyId()))));
    }

    /** The JSON text sealed in {@code sealed}; empty when its key is gone (the person was erased). */
    public Optional<String> open(String sealed) {
        int colon = sealed.indexOf(':', PREFIX.length());
        if (!isSealed(sealed) || colon < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        String keyId = sealed.substring(PREFIX.length(), colon);
        Optional<SecretKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Aead.open(key.get(), Base64.getDecoder().decode(sealed.substring(colon + 1)),
                    associated(keyId)), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value of key " + keyId + " does not open: the store was altered",
                    e);
        }
    }

    /**
     * A stored payload as the audit shows it: each sealed value opened, or {@link PersonalData#ERASED} where its
     * person was erased. The stored bytes (what the hash chain covers) are not touched.
     */
    public Map<String, Object> revealed(Map<String, Object> payload) {
        Map<String, Object> out = new LinkedHashMap<>(payload);
        for (Map.Entry<String, Object> entry : out.entrySet()) {
            if (entry.getValue() instanceof String text && isSealed(text)) {
                entry.setValue(open(text).map(j -> json.readValue(j, Object.class)).orElse(PersonalData.ERASED));
            } else if (entry.getValue() instanceof List<?> list && list.stream().anyMatch(v -> v instanceof String t
                    && isSealed(t))) {
                entry.setValue(list.stream().map(v -> v instanceof String t && isSealed(t)
                        ? open(t).<Object>map(j -> json.readValue(j, Object.class)).orElse(PersonalData.ERASED) : v)
                        .toList());
            }
        }
        return out;
    }

    private static byte[] associated(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
