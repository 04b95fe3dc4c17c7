import { createServer } from 'node:http';
import { DEFAULT_PORTS } from '@clientfees/contracts';

/**
 * Local stand-ins for the authorities and the collection agency (Incomes Register, Vero, VTJ,
 * agency). Each stand-in speaks its authority's wire format and arrives with the issue that
 * builds its adapter; until then this process answers its health check so the start script and
 * docker-compose treat it like any other part of the system.
 */
const port = Number(process.env.HTTP_PORT ?? DEFAULT_PORTS['authority-sim'].http);

createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'up', service: 'authority-sim', simulators: [] }));
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ statusCode: 404, message: 'no such simulator endpoint' }));
}).listen(port, '0.0.0.0', () => {
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'authority-sim', msg: 'listening', port })}\n`);
});
