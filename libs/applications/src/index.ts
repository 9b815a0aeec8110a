import { ApplicationChoiceEntity, ApplicationEntity, OfferEntity } from './application.entity.js';

export { ApplicationsModule } from './applications.module.js';
export { ApplicationService } from './application.service.js';
export { ApplicationError, ApplicationErrorCode } from './application.errors.js';
export { ApplicationChoiceEntity, ApplicationEntity, OfferEntity } from './application.entity.js';
export * from './dto/application.dto.js';
export {
  applicationIdsOf,
  countApplications,
  firstChoiceQueueHeads,
  insertDemoApplication,
  openDemoOffer,
  type DemoApplication,
} from './demo-data.js';
export const applicationsEntities = [ApplicationEntity, ApplicationChoiceEntity, OfferEntity];
