/** RT Structure Set export ({@link io.delineo.interop.rtstruct.RtStructWriter}) and tolerant import ({@link io.delineo.interop.rtstruct.RtStructReader}). */
package io.delineo.interop.rtstruct;
