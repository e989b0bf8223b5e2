// Browser bundle entry: the socket.io client, compiled by webpack at build time.
import { io } from 'socket.io-client';

const socket = io({ transports: ['websocket'] });
const form = document.querySelector('form');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  socket.emit('message', { room: 'lobby', text: form.elements.text.value });
  form.reset();
});
