/**
 * Calibration of the migration models: the reference study's measurements ({@link
 * org.ferry.prediction.calibration.ReferenceData}, read from any {@link java.io.Reader} or from
 * the copies bundled with core), the fit of the model's parameters to them ({@link
 * org.ferry.prediction.calibration.Calibration}) and its error per phase ({@link
 * org.ferry.prediction.calibration.CalibrationReport}).
 */
package org.ferry.prediction.calibration;
