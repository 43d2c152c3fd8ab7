import { budgetRoutes } from "./budget";

export const deploymentBudget = budgetRoutes("/{id}/budget", "a deployment's");
