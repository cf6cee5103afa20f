// The flagging and scheduling service's public face, for `npm start` and the Functions app.
export { startService, type StartServiceOptions, type RunningService } from "./server";
export { parseConfig, configFromEnv, describeConfig, ConfigError, type ServiceOptions, type ServiceConfig } from "./config";
export { FlaggingService, FLAG_CATEGORIES } from "./flagging/service";
export { runScheduler, type SchedulerReport } from "./scheduler/jobs";
