/**
 * The experiment sweep of the reference study, run in the digital twin: the configurations
 * ({@link org.ferry.app.experiment.SweepPoint}), the runs ({@link org.ferry.app.experiment.Sweep},
 * each a planned move through the whole orchestration), and what is written of them: {@code
 * results.csv}, the Markdown tables beside the study's figures, and the plots.
 */
package org.ferry.app.experiment;
