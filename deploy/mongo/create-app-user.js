// Run once by the mongo image on its first start (docker-entrypoint-initdb.d), as root, before the replica set
// is initiated: the application's own user, with rights on its database only (docker-compose.yml).
db.getSiblingDB('aura').createUser({
  user: 'aura',
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [{ role: 'readWrite', db: 'aura' }],
});
