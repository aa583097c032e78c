// Types for the part of @pactflow/swagger-mock-validator kravmock uses (the package ships none).
declare module '@pactflow/swagger-mock-validator' {
  export interface ValidationOutcomeDetails {
    code: string;
    message: string;
    type: 'error' | 'warning';
    source: string;
    mockDetails?: {
      interactionDescription?: string | null;
      interactionState?: string | null;
      location: string;
      mockFile: string;
      value?: unknown;
    };
    specDetails?: {
      location: string;
      pathMethod?: string | null;
      pathName?: string | null;
      specFile: string;
      value?: unknown;
    };
  }

  export interface ValidationOutcome {
    errors: ValidationOutcomeDetails[];
    warnings: ValidationOutcomeDetails[];
    failureReason?: string;
    success: boolean;
  }

  export interface UserOptions {
    specPathOrUrl: string;
    mockPathOrUrl: string;
    providerName?: string;
    tag?: string;
    analyticsUrl?: string;
    additionalPropertiesInResponse?: 'true' | 'false';
    requiredPropertiesInResponse?: 'true' | 'false';
  }

  export interface SwaggerMockValidator {
    validate(options: UserOptions): Promise<ValidationOutcome>;
  }

  export const SwaggerMockValidatorFactory: {
    create(auth?: string): SwaggerMockValidator;
  };
}
