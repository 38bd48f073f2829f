/** Tests start Redis the way `npm run cluster` does. */
export { freePort, startRedisServer, REDIS_SERVER, type RedisServer } from '../../scripts/cluster/redis-server.js';
