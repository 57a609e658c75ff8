/** PS3.15 Annex E Basic Application Level Confidentiality Profile ({@link io.delineo.interop.deid.Deidentifier}). */
package io.delineo.interop.deid;
