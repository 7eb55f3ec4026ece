import { Replayer } from "rrweb"; console.log(Replayer);
