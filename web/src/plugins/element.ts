// Element Plus components registered one by one, so the bundle carries only those used
// (measured in bench/README.md). A template tag missing here would render as nothing:
// e2e/run.mjs checks every <el-…> tag under src/ against this list.
import type { App } from 'vue'
import {
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElCollapse, ElCollapseItem,
  ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElDivider,
  ElDrawer, ElEmpty, ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElLink, ElLoading, ElMain,
  ElMenu, ElMenuItem, ElMenuItemGroup, ElOption, ElPagination, ElPopover, ElRadio, ElRadioGroup, ElRow,
  ElSelect, ElSkeleton, ElSubMenu, ElSwitch, ElTable, ElTableColumn, ElTag, ElTimeline, ElTimelineItem,
  ElTooltip, ElUpload,
} from 'element-plus'

export const registered = [
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElCollapse, ElCollapseItem,
  ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElDivider,
  ElDrawer, ElEmpty, ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElLink, ElMain,
  ElMenu, ElMenuItem, ElMenuItemGroup, ElOption, ElPagination, ElPopover, ElRadio, ElRadioGroup, ElRow,
  ElSelect, ElSkeleton, ElSubMenu, ElSwitch, ElTable, ElTableColumn, ElTag, ElTimeline, ElTimelineItem,
  ElTooltip, ElUpload,
]

export function installElement(app: App) {
  for (const c of registered) app.use(c as any)
  app.use(ElLoading)
}
