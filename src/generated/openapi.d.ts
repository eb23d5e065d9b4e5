// Types for the module that `npm run build` writes beside this file (openapi.js), from src/openapi.
/** The OpenAPI document as JSON text, its build id and server URL still slots (src/openapi/slots.ts). */
export const openApiJson: string;
