// The /join benchmark's floor: a bare socket.io page. The form is plain HTML; the script
// connects (WebSocket only, as the join page does) and sends the form's values on submit.
import { io } from 'socket.io-client';

const socket = io({ transports: ['websocket'] });
document.getElementById('join')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
  socket.emit('echo', { code: value('code'), name: value('name') }, () => undefined);
});
