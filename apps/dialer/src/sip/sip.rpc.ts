import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { SipDialService } from './sip-dial.service';
import { SipInboundService } from './sip-inbound.service';
import { SipSettingsService } from './sip-settings.service';

/** Serves the SIP RPCs in the `dialer` queue group; rest-api's `/api/v1/sip` controllers are thin clients. */
@Injectable()
export class SipRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(SipSettingsService) private readonly settings: SipSettingsService,
    @Inject(SipDialService) private readonly dialer: SipDialService,
    @Inject(SipInboundService) private readonly inbound: SipInboundService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.dialerSipTrunkCreate, (request) => this.settings.createTrunk(request));
    this.bus.serve(rpcSubjects.dialerSipTrunkList, (request) => this.settings.listTrunks(request));
    this.bus.serve(rpcSubjects.dialerSipTrunkUpdate, (request) => this.settings.updateTrunk(request));
    this.bus.serve(rpcSubjects.dialerSipTrunkDelete, (request) => this.settings.deleteTrunk(request));
    this.bus.serve(rpcSubjects.dialerSipConfigCreate, (request) => this.settings.createConfig(request));
    this.bus.serve(rpcSubjects.dialerSipConfigList, (request) => this.settings.listConfigs(request));
    this.bus.serve(rpcSubjects.dialerSipConfigUpdate, (request) => this.settings.updateConfig(request));
    this.bus.serve(rpcSubjects.dialerSipConfigDelete, (request) => this.settings.deleteConfig(request));
    this.bus.serve(rpcSubjects.dialerSipDial, (request) => this.dialer.dial(request));
    this.bus.serve(rpcSubjects.dialerSipInbound, (request) => this.inbound.announce(request));
  }
}
