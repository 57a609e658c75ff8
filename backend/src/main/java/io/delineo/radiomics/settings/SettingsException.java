package io.delineo.radiomics.settings;

/** A settings document that cannot be accepted; the message names the offending key. */
public class SettingsException extends IllegalArgumentException {
    public SettingsException(String message) { super(message); }

    public SettingsException(String message, Throwable cause) { super(message, cause); }
}
