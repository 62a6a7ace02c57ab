export * from './limits';
export * from './problem';
export * from './auth.schemas';
export * from './notifications.schemas';
export * from './admin.schemas';
export * from './realtime';
