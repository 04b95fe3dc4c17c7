import { Module } from '@nestjs/common';
import { BillingInputs } from '../billing-data/billing-inputs';
import { WhatIfActivities } from './what-if.activities';
import { WhatIfController } from './what-if.controller';
import { WhatIfService } from './what-if.service';

/** What-if runs of draft rule rows, and their approval into the rule tables. */
@Module({ controllers: [WhatIfController], providers: [WhatIfService, WhatIfActivities, BillingInputs], exports: [WhatIfActivities] })
export class WhatIfModule {}
