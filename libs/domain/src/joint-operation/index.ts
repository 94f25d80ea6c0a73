export * from './events';
export * from './state/joint-operation.state';
export * from './report-partner-figures/report-partner-figures.command';
export * from './report-partner-figures/report-partner-figures.decision';
