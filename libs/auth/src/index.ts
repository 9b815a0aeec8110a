import { UserEntity } from './user.entity.js';

export { AuthModule } from './auth.module.js';
export { AuthService, userShapeViolations } from './auth.service.js';
export { AuthError, AuthErrorCode } from './auth.errors.js';
export { Access, POLICY_KEY } from './access.decorator.js';
export * from './roles.js';
export * from './dto/auth.dto.js';
export { UserEntity } from './user.entity.js';
export { loadUserThatNeverSignsIn } from './user-loader.js';
export const authEntities = [UserEntity];
