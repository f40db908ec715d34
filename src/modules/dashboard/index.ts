export { dashboardRoutes } from './routes.js';
export { myDueItems, type DueItem } from './service.js';
