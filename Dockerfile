# kinerja-bot: one image for every role (ROLES=web,worker,scheduler picks what a container runs).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN node scripts/setup.mjs --no-db
COPY . .
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `npm start` creates the database when absent, applies migrations, loads the holidays, then starts.
CMD ["npm", "start"]
