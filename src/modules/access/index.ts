export { createApiKeys, type ApiKeyInfo, type ApiKeys, type ApiKeysDeps } from './api-keys.js';
