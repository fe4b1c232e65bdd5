/** Every operator by name: the value operators (each in its own module) and the three field operators. */
import { ProfileError, type ValueOperator } from './operator';
import { generaliseOperator } from './operators/generalise';
import { hashOperator } from './operators/hash';
import { maskOperator } from './operators/mask';
import { pseudonymOperator } from './operators/pseudonym';
import { redactOperator } from './operators/redact';
import { isFieldOperator, type OperatorName, type ValueOperatorName } from './policy';

const VALUE_OPERATORS: Readonly<Record<ValueOperatorName, ValueOperator<unknown>>> = {
  redact: redactOperator as ValueOperator<unknown>,
  mask: maskOperator as ValueOperator<unknown>,
  hash: hashOperator as ValueOperator<unknown>,
  pseudonym: pseudonymOperator as ValueOperator<unknown>,
  generalise: generaliseOperator as ValueOperator<unknown>,
};

export function valueOperator(name: ValueOperatorName): ValueOperator<unknown> {
  return VALUE_OPERATORS[name];
}

/** Checks an operator's parameters; field operators take none. */
export function validateOperatorParams(name: OperatorName, params: Readonly<Record<string, unknown>>, where: string): unknown {
  if (isFieldOperator(name)) {
    const extra = Object.keys(params).find((k) => k !== 'operator');
    if (extra !== undefined) throw new ProfileError(`${where} has a parameter "${extra}" that the ${name} operator does not take`);
    return {};
  }
  return VALUE_OPERATORS[name].validate(params, where);
}
