/**
 * Visitor attribute declarations through TanStack Query: a brand's list, and the mutations that change it
 * (each refreshes that brand's list, which the settings page and the rule editor share).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attribute, AttributeCreate, AttributePatch } from '@proactive/contract/admin';
import type { AttributeDeclaration } from '@proactive/dsl';
import { call } from '../api/client.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';

/**
 * The brands (for the brand picker).
 *
 * @example const brands = useBrands().data ?? [];
 */
export function useBrands() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.brands, queryFn: () => call(api.brands.$get({ query: {} })) });
}

/**
 * The attributes a brand declares (none without a brand).
 *
 * @example const declared = useAttributes(message.brand_id).data ?? [];
 */
export function useAttributes(brandId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.attributes(brandId ?? ''),
    queryFn: () => call(api.attributes.$get({ query: { brand_id: brandId ?? '' } })),
    enabled: Boolean(brandId),
  });
}

/**
 * What the rule checks and the editor services take from declarations.
 *
 * @example declarationsOf([{ key: 'plan', type: 'text', label: 'Plan', ... }]) // [{ key: 'plan', type: 'text', label: 'Plan' }]
 */
export function declarationsOf(attributes: readonly Attribute[]): AttributeDeclaration[] {
  return attributes.map(({ key, type, label }) => ({ key, type, label }));
}

/** A change to a brand's declarations: a new one, an edit, or a removal. */
export type AttributeChange =
  | { action: 'create'; input: AttributeCreate }
  | { action: 'update'; id: string; patch: AttributePatch }
  | { action: 'remove'; id: string };

/**
 * The mutation behind the settings page's add, edit and remove.
 *
 * @example useAttributeChange('b1').mutate({ action: 'remove', id })
 */
export function useAttributeChange(brandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: AttributeChange): Promise<void> => {
      if (change.action === 'create') await call(api.attributes.$post({ json: change.input }));
      else if (change.action === 'update')
        await call(api.attributes[':id'].$patch({ param: { id: change.id }, json: change.patch }));
      else await call(api.attributes[':id'].$delete({ param: { id: change.id } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.attributes(brandId) }),
  });
}
